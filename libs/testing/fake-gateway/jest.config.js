module.exports = {
  displayName: 'testing-fake-gateway',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/testing/fake-gateway',
};
