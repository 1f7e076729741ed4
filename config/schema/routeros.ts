import { z } from 'zod';
import { id, secret } from './common';

/** A simple queue bound to the agency (and optionally the link) whose bandwidth it carries. */
export const routerosQueue = z.strictObject({
  /** The queue's name on the router. */
  name: z.string().min(1),
  agency: id,
  link: id.optional(),
  /** Only bind the queue when its target includes this (e.g. "10.20.5.0/24"). */
  target: z.string().min(1).optional(),
});

/** MikroTik RouterOS API settings (8728 plain, 8729 API-SSL). */
export const routerosSettings = z.strictObject({
  enabled: z.boolean().default(true),
  port: z.number().int().min(1).max(65535).optional(),
  tls: z
    .strictObject({
      enabled: z.boolean().default(true),
      caFile: z.string().optional(),
      /** SHA-256 fingerprint of the router's certificate, "AA:BB:..." */
      fingerprint: z.string().optional(),
      /** Accept an unverified certificate. Off unless someone decides otherwise. */
      insecure: z.boolean().default(false),
    })
    .optional(),
  username: z.string().min(1),
  password: secret,
  intervalSeconds: z.number().positive().optional(),
  timeoutSeconds: z.number().positive().default(10),
  queues: z.array(routerosQueue).default([]),
});
export type RouterosSettings = z.infer<typeof routerosSettings>;
