import { PROFILE_IDS } from '../../collectors/snmp/profiles';
import { z } from 'zod';
import { secret } from './common';

/** Per-device SNMP settings. v1/v2c need a community; v3 needs a user (see the refinement). */
export const snmpAuth = z.strictObject({
  username: z.string().min(1).optional(),
  authProtocol: z.enum(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']).default('sha'),
  authKey: secret.optional(),
  privProtocol: z.enum(['des', 'aes', 'aes256b', 'aes256r']).default('aes'),
  privKey: secret.optional(),
  level: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv']).default('authPriv'),
});

export const snmpSettings = z
  .strictObject({
    enabled: z.boolean().default(true),
    version: z.enum(['1', '2c', '3']).default('2c'),
    port: z.number().int().min(1).max(65535).default(161),
    community: secret.optional(),
    auth: snmpAuth.optional(),
    intervalSeconds: z.number().positive().optional(),
    timeoutSeconds: z.number().positive().default(3),
    retries: z.number().int().min(0).max(10).default(1),
    /** Force a profile instead of detecting it from sysObjectID/sysDescr. */
    profile: z.string().optional(),
    /** Which parts to read; the profile decides when omitted. */
    modules: z.array(z.string()).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.profile !== undefined && !PROFILE_IDS.includes(s.profile))
      ctx.addIssue({
        code: 'custom',
        path: ['profile'],
        message: `unknown profile "${s.profile}"; one of ${PROFILE_IDS.join(', ')}`,
      });
    if (s.version === '3') {
      if (!s.auth?.username)
        ctx.addIssue({ code: 'custom', path: ['auth', 'username'], message: 'required for SNMPv3' });
      const level = s.auth?.level ?? 'authPriv';
      if (level !== 'noAuthNoPriv' && s.auth && !s.auth.authKey)
        ctx.addIssue({ code: 'custom', path: ['auth', 'authKey'], message: `required for SNMPv3 ${level}` });
      if (level === 'authPriv' && s.auth && !s.auth.privKey)
        ctx.addIssue({ code: 'custom', path: ['auth', 'privKey'], message: 'required for SNMPv3 authPriv' });
    } else if (!s.community) {
      ctx.addIssue({ code: 'custom', path: ['community'], message: `required for SNMPv${s.version}` });
    }
  });
export type SnmpSettings = z.infer<typeof snmpSettings>;
