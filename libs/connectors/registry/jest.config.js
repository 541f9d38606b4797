module.exports = {
  displayName: 'connectors-registry',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/registry',
};
