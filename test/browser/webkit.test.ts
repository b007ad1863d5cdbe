import { defineEngineSuite } from './scenario/engine-suite.ts';

defineEngineSuite('webkit');
