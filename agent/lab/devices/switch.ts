import { DeviceMib } from '../mib';
import { seed } from '../waves';
import { Clock, interfaceTables, merge, PortSpec, systemGroup } from './common';

/**
 * A 24-port access/distribution switch (Cisco Catalyst 2960-X, IOS 15.2): GigabitEthernet1/0/1-24,
 * two 10G uplinks and the management SVI. Some ports are down, the others carry office traffic.
 */
export const CATALYST = {
  sysObjectID: '1.3.6.1.4.1.9.1.1208',
  sysDescr:
    'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc3)\r\n' +
    'Technical Support: http://www.cisco.com/techsupport\r\nCopyright (c) 1986-2023 by Cisco Systems, Inc.',
} as const;

export function switchPorts(count = 24): PortSpec[] {
  const ports: PortSpec[] = [];
  for (let i = 1; i <= count; i++) {
    const s = seed(`gi${i}`);
    const down = s < 0.2;
    ports.push({
      name: `Gi1/0/${i}`,
      descr: `GigabitEthernet1/0/${i}`,
      alias: down ? '' : `Akses lantai ${1 + Math.floor((i - 1) / 8)}`,
      speedMbps: down ? 10 : 1000,
      inLoad: down ? undefined : 0.005 + 0.04 * s,
      outLoad: down ? undefined : 0.01 + 0.08 * s,
    });
  }
  ports.push(
    {
      name: 'Te1/0/1',
      descr: 'TenGigabitEthernet1/0/1',
      alias: 'Uplink core-router sfp-sfpplus1',
      speedMbps: 10000,
      inLoad: 0.025,
      outLoad: 0.03,
    },
    { name: 'Te1/0/2', descr: 'TenGigabitEthernet1/0/2', alias: 'Uplink cadangan', speedMbps: 10000 },
    { name: 'Vl1', descr: 'Vlan1', speedMbps: 1000, inLoad: 0.0001, outLoad: 0.0001, ifType: 53 },
  );
  return ports;
}

export function catalystSwitch(clock: Clock, name = 'dist-switch', ports = 24): DeviceMib {
  return merge(
    {
      scalars: systemGroup(clock, {
        descr: CATALYST.sysDescr,
        objectID: CATALYST.sysObjectID,
        name,
        location: 'Pusat Data Diskominfo, Ruang Server 1, Rak R01',
        upBeforeSeconds: 118 * 86400 + 5 * 3600,
        services: 2,
      }),
      tables: [],
    },
    interfaceTables(clock, switchPorts(ports), 0x00a3d1e40000, 118 * 86400 + 5 * 3600),
  );
}
