import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { assertFix, hits, message } from './check';

const RH = 'FROM rockylinux:9\n';
const SUSE = 'FROM opensuse/leap:15.6\n';

describe('dockerfile/yum-yes (DL3030) and dockerfile/dnf-yes (DL3038)', () => {
  it('reports install without -y', () => {
    assert.deepEqual(hits(`${RH}RUN yum install httpd-2.4.62 && yum clean all\n`, 'dockerfile/yum-yes'), ['yum install']);
    assert.deepEqual(hits(`${RH}RUN microdnf install httpd-2.4.62\n`, 'dockerfile/dnf-yes'), ['microdnf install']);
    assert.match(message(`${RH}RUN dnf install httpd-2.4.62\n`, 'dockerfile/dnf-yes'), /dnf install needs -y/);
  });
  it('accepts -y, --assumeyes and combined flags', () => {
    assert.deepEqual(hits(`${RH}RUN yum -y install a-1 && yum install --assumeyes b-2 && yum install -qy c-3\n`, 'dockerfile/yum-yes'), []);
  });
  it('adds -y after install', () => {
    assertFix(`${RH}RUN dnf install httpd-2.4.62 && dnf clean all\n`, 'dockerfile/dnf-yes', `${RH}RUN dnf install -y httpd-2.4.62 && dnf clean all\n`);
  });
});

describe('dockerfile/yum-pin (DL3033) and dockerfile/dnf-pin (DL3041)', () => {
  it('reports packages and modules without a version', () => {
    const text = `${RH}RUN yum install -y httpd python3-devel gcc-c++-11.4 && yum module install -y nodejs && yum clean all\n`;
    assert.deepEqual(hits(text, 'dockerfile/yum-pin'), ['httpd', 'python3-devel', 'nodejs']);
    assert.match(message(text, 'dockerfile/yum-pin'), /yum install httpd-<version>/);
  });
  it('accepts name-version, epochs, module streams and local rpms', () => {
    assert.deepEqual(hits(`${RH}RUN dnf install -y openssl-1:3.0.7 ./x.rpm && dnf module install -y nodejs:20 && dnf clean all\n`, 'dockerfile/dnf-pin'), []);
  });
  it('does not ask for versions of package groups or localinstall files', () => {
    const text = `${RH}RUN yum groupinstall -y "Development Tools" && yum group install -y Base && yum localinstall -y pkg && yum clean all\n`;
    assert.deepEqual(hits(text, 'dockerfile/yum-pin'), []);
    assert.deepEqual(hits(`${RH}RUN dnf group install -y "Server" && dnf groupinstall -y x && dnf install -y @core && dnf clean all\n`, 'dockerfile/dnf-pin'), []);
  });
  it('checks module streams with microdnf and yum, group installs for -y', () => {
    const text = `${RH}RUN microdnf module install -y perl && microdnf module install -y nodejs:20 && microdnf clean all\n`;
    assert.deepEqual(hits(text, 'dockerfile/dnf-pin'), ['perl']);
    assert.match(message(text, 'dockerfile/dnf-pin'), /module install perl:<stream>/);
    assert.deepEqual(hits(`${RH}RUN yum group install "Development Tools" && yum clean all\n`, 'dockerfile/yum-yes'), ['yum group install']);
  });
});

describe('dockerfile/yum-clean (DL3032), dnf-clean (DL3040), zypper-clean (DL3036)', () => {
  it('reports installs without the cleanup in the same RUN', () => {
    assert.deepEqual(hits(`${RH}RUN yum install -y a-1\nRUN yum clean all\n`, 'dockerfile/yum-clean'), ['yum install']);
    assert.deepEqual(hits(`${RH}RUN dnf install -y a-1\n`, 'dockerfile/dnf-clean'), ['dnf install']);
    assert.deepEqual(hits(`${SUSE}RUN zypper install -y a=1\n`, 'dockerfile/zypper-clean'), ['zypper install']);
    assert.match(message(`${RH}RUN yum install -y a-1\n`, 'dockerfile/yum-clean'), /yum clean all/);
  });
  it('accepts the clean commands, removing the cache, or a cache mount', () => {
    assert.deepEqual(hits(`${RH}RUN yum install -y a-1 && yum clean all\n`, 'dockerfile/yum-clean'), []);
    assert.deepEqual(hits(`${RH}RUN dnf install -y a-1 && rm -rf /var/cache/dnf\n`, 'dockerfile/dnf-clean'), []);
    assert.deepEqual(hits(`${RH}RUN --mount=type=cache,target=/var/cache/dnf dnf install -y a-1\n`, 'dockerfile/dnf-clean'), []);
    assert.deepEqual(hits(`${SUSE}RUN zypper -n in a=1 && zypper cc -a\n`, 'dockerfile/zypper-clean'), []);
  });
  it('needs the cleanup after the install, by the same program', () => {
    assert.deepEqual(hits(`${RH}RUN yum clean all && yum install -y a-1\n`, 'dockerfile/yum-clean'), ['yum install']);
    assert.deepEqual(hits(`${RH}RUN dnf install -y a-1 && microdnf clean all\n`, 'dockerfile/dnf-clean'), ['dnf install']);
    assert.deepEqual(hits(`${RH}RUN microdnf install -y a-1 && microdnf clean all\n`, 'dockerfile/dnf-clean'), []);
    assert.deepEqual(hits(`${SUSE}RUN zypper clean && zypper install -y a=1\n`, 'dockerfile/zypper-clean'), ['zypper install']);
    assert.deepEqual(hits(`${RH}RUN microdnf install -y a-1 && rm -rf /var/cache/yum/*\n`, 'dockerfile/dnf-clean'), []);
  });
  it('appends the clean command', () => {
    assertFix(`${RH}RUN yum install -y a-1\n`, 'dockerfile/yum-clean', `${RH}RUN yum install -y a-1 && yum clean all\n`);
    assertFix(`${SUSE}RUN zypper install -y a=1\n`, 'dockerfile/zypper-clean', `${SUSE}RUN zypper install -y a=1 && zypper clean\n`);
  });
});

describe('dockerfile/zypper-yes (DL3034)', () => {
  const rule = 'dockerfile/zypper-yes';
  it('reports zypper changes without -n or -y', () => {
    const text = `${SUSE}RUN zypper install a=1 && zypper remove b\n`;
    assert.deepEqual(hits(text, rule), ['zypper install', 'zypper remove']);
    assert.match(message(text, rule), /--non-interactive/);
  });
  it('accepts the global -n and the command -y', () => {
    assert.deepEqual(hits(`${SUSE}RUN zypper -n install a=1 && zypper --non-interactive in b=1 && zypper in -y c=1 && zypper refresh\n`, rule), []);
  });
  it('accepts -n / --non-interactive / --no-confirm wherever they are, combined short options too', () => {
    const text = `${SUSE}RUN zypper install -n a=1 && zypper in --non-interactive b=1 && zypper rm --no-confirm c && zypper -qn si d && zypper --quiet --non-interactive patch\n`;
    assert.deepEqual(hits(text, rule), []);
  });
  it('reports source-install and patch without a switch', () => {
    assert.deepEqual(hits(`${SUSE}RUN zypper si a && zypper --quiet patch\n`, rule), ['zypper si', 'zypper --quiet patch']);
  });
  it('adds -y', () => {
    assertFix(`${SUSE}RUN zypper in a=1\n`, rule, `${SUSE}RUN zypper in -y a=1\n`);
  });
});

describe('dockerfile/zypper-dist-upgrade (DL3035)', () => {
  const rule = 'dockerfile/zypper-dist-upgrade';
  it('reports dist-upgrade and dup', () => {
    const text = `${SUSE}RUN zypper -n dist-upgrade && zypper -n dup\n`;
    assert.deepEqual(hits(text, rule), ['zypper -n dist-upgrade', 'zypper -n dup']);
    assert.match(message(text, rule), /newer base image/);
  });
  it('accepts update', () => {
    assert.deepEqual(hits(`${SUSE}RUN zypper -n update\n`, rule), []);
  });
});

describe('dockerfile/zypper-pin (DL3037)', () => {
  const rule = 'dockerfile/zypper-pin';
  it('reports packages without a version', () => {
    const text = `${SUSE}RUN zypper -n install nginx curl=8.6.0 && zypper clean\n`;
    assert.deepEqual(hits(text, rule), ['nginx']);
    assert.match(message(text, rule), /zypper install nginx=<version>/);
  });
  it('accepts constraints and rpm files', () => {
    assert.deepEqual(hits(`${SUSE}RUN zypper -n in "nginx>=1.21" a.rpm\n`, rule), []);
  });
});
