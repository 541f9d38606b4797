import { PaymentLockTimeoutError, withPaymentLock } from './payment-lock';

/** The lease semantics of PaymentRepository (one row), in memory: the polling logic is under test here. */
class LeaseStore {
  holder: string | null = null;
  released: string[] = [];
  tryLease(_paymentId: string, holder: string): Promise<boolean> {
    if (this.holder !== null) return Promise.resolve(false);
    this.holder = holder;
    return Promise.resolve(true);
  }
  releaseLease(_paymentId: string, holder: string): Promise<void> {
    if (this.holder === holder) this.holder = null;
    this.released.push(holder);
    return Promise.resolve();
  }
}

describe('withPaymentLock', () => {
  it('runs the work holding the lease and gives it back, also when the work throws', async () => {
    const store = new LeaseStore();
    await expect(withPaymentLock(store, 'pay_1', { leaseMs: 1000, waitMs: 1000 }, () => Promise.resolve(store.holder !== null))).resolves.toBe(true);
    expect(store.holder).toBeNull();
    await expect(withPaymentLock(store, 'pay_1', { leaseMs: 1000, waitMs: 1000 }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(store.holder).toBeNull();
    expect(store.released).toHaveLength(2);
  });

  it('gives up with PaymentLockTimeoutError when the lease stays busy, without touching it', async () => {
    const store = new LeaseStore();
    store.holder = 'someone-else';
    const onWait = jest.fn();
    await expect(withPaymentLock(store, 'pay_1', { leaseMs: 1000, waitMs: 0 }, () => Promise.resolve('never'))).rejects.toBeInstanceOf(PaymentLockTimeoutError);
    expect(store.holder).toBe('someone-else');
    expect(store.released).toEqual([]);
    expect(onWait).not.toHaveBeenCalled();
  });

  it('waits for the holder, then runs', async () => {
    const store = new LeaseStore();
    store.holder = 'first';
    const onWait = jest.fn(() => {
      // The first holder finishes while we wait.
      void store.releaseLease('pay_1', 'first');
    });
    await expect(withPaymentLock(store, 'pay_1', { leaseMs: 1000, waitMs: 60_000, onWait }, () => Promise.resolve('ran'))).resolves.toBe('ran');
    expect(onWait).toHaveBeenCalledTimes(1);
  });
});
