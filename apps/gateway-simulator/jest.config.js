module.exports = {
  displayName: 'gateway-simulator',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/gateway-simulator',
};
