module.exports = {
  displayName: 'domain-types',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/domain-types',
};
