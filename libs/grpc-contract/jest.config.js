module.exports = {
  displayName: 'grpc-contract',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/grpc-contract',
};
