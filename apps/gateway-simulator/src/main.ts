import { rmSync } from 'node:fs';
import { writeApplePayFiles } from './apple-pay-files';
import { simulatorBanner } from './banner';
import { readSimulatorConfig } from './config';
import { startSimulator } from './simulator';

async function main(): Promise<void> {
  const config = readSimulatorConfig(process.env);
  const simulator = await startSimulator(config);
  const files = writeApplePayFiles(simulator.applePay, config.applePayDir);
  const banner = simulatorBanner({
    url: simulator.server.url,
    nuveiBaseUrl: simulator.server.baseUrl('nuvei'),
    paytmBaseUrl: `${simulator.server.baseUrl('paytm')}/`,
    paypalBaseUrl: simulator.server.baseUrl('paypal'),
    applePay: { baseUrl: simulator.applePay.baseUrl, caFile: files.caFile, certificateFile: files.certificateFile, privateKeyFile: files.privateKeyFile },
  });
  process.stdout.write(`${banner}\n`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping the gateway simulator\n`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    // A temporary PKI directory is the simulator's own: remove it (a directory given by the user stays).
    if (config.applePayDir === undefined) rmSync(files.dir, { recursive: true, force: true });
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Gateway simulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
