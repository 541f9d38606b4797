module.exports = {
  displayName: 'connectors-nuvei',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/nuvei',
};
