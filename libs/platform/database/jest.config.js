module.exports = {
  displayName: 'platform-database',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/database',
};
