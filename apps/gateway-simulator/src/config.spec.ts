import { readSimulatorConfig } from './config';

describe('readSimulatorConfig', () => {
  const defaults = { port: 4010, host: '127.0.0.1', applePayPort: 4011, applePayDir: undefined };

  it('defaults to 127.0.0.1:4010 (Apple Pay on 4011, PKI in a temporary directory)', () => {
    expect(readSimulatorConfig({})).toEqual(defaults);
    expect(readSimulatorConfig({ SIMULATOR_PORT: '', SIMULATOR_HOST: ' ', SIMULATOR_APPLE_PAY_PORT: '', SIMULATOR_APPLE_PAY_DIR: ' ' })).toEqual(defaults);
  });

  it('reads SIMULATOR_PORT (0 allowed) and SIMULATOR_HOST', () => {
    expect(readSimulatorConfig({ SIMULATOR_PORT: '0', SIMULATOR_HOST: 'localhost' })).toEqual({ ...defaults, port: 0, host: 'localhost', applePayPort: 0 });
    expect(readSimulatorConfig({ SIMULATOR_PORT: '4999' })).toEqual({ ...defaults, port: 4999, applePayPort: 5000 });
  });

  it('puts Apple Pay on a free port when SIMULATOR_PORT asks for one (no fixed port to collide on)', () => {
    expect(readSimulatorConfig({ SIMULATOR_PORT: '0' }).applePayPort).toBe(0);
    expect(readSimulatorConfig({ SIMULATOR_PORT: '0', SIMULATOR_APPLE_PAY_PORT: '4500' }).applePayPort).toBe(4500);
  });

  it('reads SIMULATOR_APPLE_PAY_PORT (0 allowed) and SIMULATOR_APPLE_PAY_DIR', () => {
    expect(readSimulatorConfig({ SIMULATOR_APPLE_PAY_PORT: '0', SIMULATOR_APPLE_PAY_DIR: '/tmp/sim-apple' })).toEqual({ ...defaults, applePayPort: 0, applePayDir: '/tmp/sim-apple' });
  });

  it.each(['abc', '-1', '65536', '40.5'])('refuses SIMULATOR_PORT=%s, naming the variable', (value) => {
    expect(() => readSimulatorConfig({ SIMULATOR_PORT: value })).toThrow(/^Invalid SIMULATOR_PORT/);
  });

  it.each(['abc', '70000'])('refuses SIMULATOR_APPLE_PAY_PORT=%s, naming the variable', (value) => {
    expect(() => readSimulatorConfig({ SIMULATOR_APPLE_PAY_PORT: value })).toThrow(/^Invalid SIMULATOR_APPLE_PAY_PORT/);
  });
});
