module.exports = {
  displayName: 'connectors-paypal',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/paypal',
};
