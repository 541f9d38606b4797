module.exports = {
  displayName: 'connectors-paytm',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/paytm',
};
