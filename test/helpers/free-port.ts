export { freePort } from '../../api/cluster/free-port.ts';
