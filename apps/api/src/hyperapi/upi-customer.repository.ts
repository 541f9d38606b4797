import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';
import type { UpiCustomerState } from './upi-status';

/** A binding as the merchant's PSP reported it (mobile already masked). */
export interface BindingReport {
  readonly deviceFingerPrint: string;
  readonly maskedMobileNumber: string;
  readonly activated: boolean;
}

/** A linked account as the merchant's PSP reported it (account number already masked). */
export interface LinkReport {
  readonly vpa: string;
  readonly bankCode: string;
  readonly bankName: string;
  readonly maskedAccountNumber: string;
  readonly ifsc: string | null;
  readonly type: string | null;
  readonly branchName: string | null;
  readonly name: string | null;
  readonly mpinSet: boolean;
  readonly mpinLength: number;
  readonly otpLength: number;
  readonly atmPinLength: number;
  readonly isPrimary: boolean;
  readonly isDefault: boolean;
}

const BINDING = { deviceFingerPrint: true, maskedMobileNumber: true, boundAt: true, activatedAt: true, revokedAt: true } as const;
const ACCOUNT = {
  vpa: true, isDefault: true, referenceId: true, bankCode: true, bankName: true, maskedAccountNumber: true, mpinSet: true, mpinLength: true,
  otpLength: true, atmPinLength: true, isPrimary: true, type: true, branchName: true, ifsc: true, name: true,
} as const;

/** Customer-scoped UPI state; every access goes through one (merchant, customer) key. */
export class UpiCustomerRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Bindings (oldest first) and linked accounts of a customer; empty for an unknown one. */
  async state(merchantId: string, customerId: string): Promise<UpiCustomerState> {
    const [bindings, accounts] = await Promise.all([
      this.prisma.upiDeviceBinding.findMany({ where: { merchantId, customerId }, select: BINDING, orderBy: [{ boundAt: 'asc' }, { deviceFingerPrint: 'asc' }] }),
      this.prisma.upiLinkedAccount.findMany({ where: { merchantId, customerId }, select: ACCOUNT, orderBy: [{ linkedAt: 'asc' }, { vpa: 'asc' }] }),
    ]);
    return { bindings, accounts };
  }

  /** Records (or re-records, un-revoking) a binding; activation is kept once set. */
  async recordBinding(merchantId: string, customerId: string, report: BindingReport, now: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.upiCustomer.upsert({ where: { merchantId_customerId: { merchantId, customerId } }, create: { merchantId, customerId, createdAt: now }, update: {} });
      const existing = await tx.upiDeviceBinding.findUnique({ where: { merchantId_customerId_deviceFingerPrint: { merchantId, customerId, deviceFingerPrint: report.deviceFingerPrint } }, select: { activatedAt: true, revokedAt: true } });
      const activatedAt = report.activated ? (existing?.revokedAt === null && existing.activatedAt ? existing.activatedAt : now) : null;
      await tx.upiDeviceBinding.upsert({
        where: { merchantId_customerId_deviceFingerPrint: { merchantId, customerId, deviceFingerPrint: report.deviceFingerPrint } },
        create: { merchantId, customerId, deviceFingerPrint: report.deviceFingerPrint, maskedMobileNumber: report.maskedMobileNumber, boundAt: now, activatedAt },
        update: { maskedMobileNumber: report.maskedMobileNumber, activatedAt, revokedAt: null, ...(existing?.revokedAt ? { boundAt: now } : {}) },
      });
    });
  }

  /** Revokes a binding; false when the customer has no such binding. Idempotent (the first revocation is kept). */
  async revokeBinding(merchantId: string, customerId: string, deviceFingerPrint: string, now: Date): Promise<boolean> {
    const found = await this.prisma.upiDeviceBinding.findUnique({ where: { merchantId_customerId_deviceFingerPrint: { merchantId, customerId, deviceFingerPrint } }, select: { revokedAt: true } });
    if (!found) return false;
    await this.prisma.upiDeviceBinding.updateMany({ where: { merchantId, customerId, deviceFingerPrint, revokedAt: null }, data: { revokedAt: now } });
    return true;
  }

  /** Links (or re-links) an account to a VPA; a default link clears the customer's other defaults. */
  async linkAccount(merchantId: string, customerId: string, report: LinkReport, now: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.upiCustomer.upsert({ where: { merchantId_customerId: { merchantId, customerId } }, create: { merchantId, customerId, createdAt: now }, update: {} });
      if (report.isDefault) await tx.upiLinkedAccount.updateMany({ where: { merchantId, customerId, isDefault: true, NOT: { vpa: report.vpa } }, data: { isDefault: false } });
      const { vpa, ...fields } = report;
      await tx.upiLinkedAccount.upsert({
        where: { merchantId_customerId_vpa: { merchantId, customerId, vpa } },
        create: { merchantId, customerId, vpa, ...fields, referenceId: randomBytes(16).toString('hex'), linkedAt: now },
        update: fields,
      });
    });
  }

  /** Unlinks a VPA; false when the customer has no such link. */
  async unlinkAccount(merchantId: string, customerId: string, vpa: string): Promise<boolean> {
    return (await this.prisma.upiLinkedAccount.deleteMany({ where: { merchantId, customerId, vpa } })).count > 0;
  }
}
