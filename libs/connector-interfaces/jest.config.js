module.exports = {
  displayName: 'connector-interfaces',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/connector-interfaces',
};
