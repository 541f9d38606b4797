module.exports = {
  displayName: 'client-auth',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/client-auth',
};
