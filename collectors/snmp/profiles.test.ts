import { loadFixture, snmprecFiles, systemOf } from '../../test/harness/snmprec';
import { mikrotikHealthModule as mikrotikHealth } from './modules/mikrotik-health';
import { detectProfile, PROFILE_IDS } from './profiles';

describe('detectProfile', () => {
  it('names every shared recording', () => {
    const found = Object.fromEntries(
      snmprecFiles().map((f) => {
        const p = detectProfile(systemOf(loadFixture(f)));
        return [f, `${p.vendor}/${p.family}/${p.kind}`];
      }),
    );
    expect(found).toEqual({
      'pdu-apc_ap8959eu3.snmprec': 'apc/rpdu/pdu',
      'routeros-routeros.snmprec': 'mikrotik/routeros/router',
      'routeros-routeros_ccr2004-7.24.snmprec': 'mikrotik/routeros/router',
      'sensor-apc_emu.snmprec': 'apc/ems/sensor',
      'server-truenas-scale_24.04.2.2.snmprec': 'ixsystems/truenas/server',
      'switch-dlink_dgs-3000-28x.snmprec': 'dlink/dlink/switch',
      'switch-ios_nac.snmprec': 'cisco/ios/switch',
      'switch-jetstream.snmprec': 'tplink/jetstream/switch',
      'switch-swos.snmprec': 'mikrotik/swos/switch',
      'ups-apc-apc_smt750x-nmc2.snmprec': 'apc/ups/ups',
      'ups-rfc1628-riello.snmprec': 'riello/netman/ups',
      'ups-xups-eatonups.snmprec': 'eaton/xups/ups',
    });
  });

  it.each([
    ['1.3.6.1.4.1.9.1.1208', 'Cisco IOS Software, ISR4300', 'cisco/ios/router'],
    ['1.3.6.1.4.1.9.12.3.1.3.1812', 'Cisco NX-OS(tm) n9000', 'cisco/nxos/switch'],
    ['1.3.6.1.4.1.2011.2.23.293', 'Huawei Versatile Routing Platform S5720', 'huawei/vrp/switch'],
    ['1.3.6.1.4.1.2011.2.224.67', 'Huawei AR1220 Router', 'huawei/vrp/router'],
    ['1.3.6.1.4.1.11.2.3.7.11.181', 'Aruba JL256A 2930F-48G-PoE+', 'hpe/procurve/switch'],
    ['1.3.6.1.4.1.25506.11.1.239', 'HPE Comware Platform Software', 'hpe/comware/switch'],
    ['1.3.6.1.4.1.47196.4.1.1.1.50', 'Aruba 6300M', 'hpe/aos-cx/switch'],
    ['1.3.6.1.4.1.14823.1.1.32', 'ArubaOS (MODEL: 7005)', 'hpe/aruba/switch'],
    ['1.3.6.1.4.1.2636.1.1.1.2.29', 'Juniper Networks, Inc. mx240 internet router', 'juniper/junos/router'],
    [
      '1.3.6.1.4.1.2636.1.1.1.2.31',
      'Juniper Networks, Inc. ex4200-48t Ethernet Switch',
      'juniper/junos/switch',
    ],
    ['1.3.6.1.4.1.8072.3.2.10', 'Linux web01 5.15.0-91-generic', 'net-snmp/linux/server'],
    ['1.3.6.1.4.1.8072.3.2.8', 'FreeBSD fw 13.2-RELEASE', 'net-snmp/unix/server'],
    [
      '1.3.6.1.4.1.311.1.1.3.1.2',
      'Hardware: Intel64 - Software: Windows Version 6.3',
      'microsoft/windows/server',
    ],
    ['1.3.6.1.4.1.318.1.3.4.5', 'APC Web/SNMP Management Card (MN:AP7921)', 'apc/rpdu/pdu'],
    ['1.3.6.1.4.1.318.1.3.2.12', 'APC Web/SNMP Management Card (MN:AP9630)', 'apc/ups/ups'],
    ['1.3.6.1.4.1.318.1.3.8.3', 'APC Web/SNMP Management Card (MN:AP9320)', 'apc/ems/sensor'],
    ['1.3.6.1.4.1.705.1', 'Eaton 9PX (MGE)', 'eaton/mge/ups'],
    ['1.3.6.1.4.1.13742.6', 'PX3-5190R', 'raritan/px/pdu'],
    ['1.3.6.1.4.1.4555.1.1.1', 'NET VISION v6.11', 'socomec/netvision/ups'],
    ['1.3.6.1.4.1.935.10', 'Phoenixtec UPS agent', 'generic/ups-mib/ups'],
    ['1.3.6.1.4.1.2011.2.235.1.1', 'UPS2000-G-3kVA', 'huawei/ups/ups'],
    ['1.3.6.1.4.1.534.6.6.7', 'Eaton ePDU MA 1P IN:C20 16A OUT:8xC13', 'eaton/epdu/pdu'],
    ['1.3.6.1.4.1.1718.3', 'Sentry Switched CDU', 'servertech/sentry/pdu'],
    ['1.3.6.1.4.1.3808.1.1.1', 'CyberPower OL3000', 'cyberpower/ups/ups'],
    ['1.3.6.1.4.1.3808.1.1.3', 'CyberPower PDU41001', 'cyberpower/pdu/pdu'],
    ['1.3.6.1.4.1.3854.1.2.2.1', 'sensorProbe2', 'akcp/sensorprobe/sensor'],
    ['1.3.6.1.4.1.99999.1', 'Linux nas 4.4.0 #1 SMP', 'net-snmp/linux/server'],
    ['1.3.6.1.4.1.99999.1', 'RouterOS RB4011iGS+ 7.12', 'mikrotik/routeros/router'],
    ['.1.3.6.1.4.1.14988.1', 'router', 'mikrotik/routeros/router'],
    ['1.3.6.1.4.1.1149.1', 'unknown box', 'generic/if-mib/other'],
    ['', '', 'generic/if-mib/other'],
  ])('%s %p -> %s', (sysObjectID, sysDescr, expected) => {
    const p = detectProfile({ sysObjectID, sysDescr });
    expect(`${p.vendor}/${p.family}/${p.kind}`).toBe(expected);
    expect(p.label.length).toBeGreaterThan(0);
  });

  it('does not confuse enterprise 11 (HP) with 11863 (TP-Link)', () => {
    expect(detectProfile({ sysObjectID: '1.3.6.1.4.1.11863.5.34', sysDescr: '' }).vendor).toBe('tplink');
    expect(detectProfile({ sysObjectID: '1.3.6.1.4.1.11.2.3.7.11', sysDescr: '' }).vendor).toBe('hpe');
  });

  it('a profile forced in the configuration wins over the sysObjectID, and picks the modules', () => {
    const unknownCard = { sysObjectID: '1.3.6.1.4.1.99999.7', sysDescr: 'Network Card' };
    expect(detectProfile(unknownCard).vendor).toBe('generic');
    expect(detectProfile({ ...unknownCard, profile: 'mikrotik/routeros' })).toEqual({
      vendor: 'mikrotik',
      family: 'routeros',
      label: 'MikroTik RouterOS',
      kind: 'router',
    });
    expect(mikrotikHealth.applies(unknownCard)).toBe(false);
    expect(mikrotikHealth.applies({ ...unknownCard, profile: 'mikrotik/routeros' })).toBe(true);
    expect(PROFILE_IDS).toContain('generic/if-mib');
    expect(new Set(PROFILE_IDS).size).toBe(PROFILE_IDS.length);
  });
});
