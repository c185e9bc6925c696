// Shared workflow skeletons for the actions-used, security and practice tests.
export const W = '/repo/.github/workflows/ci.yml';

/** A one-job workflow with `contents: read` permissions; `extra` holds job keys placed before `steps:`. */
export const job = (steps: string, on = 'push', extra = '') => `on: ${on}
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;
