import { z } from 'zod';
import { contract } from '/work/main/shared/contract';
const s = z.toJSONSchema(contract['outstanding.get'].input, { io: 'input', unrepresentable: 'any' });
console.log(JSON.stringify(s));
console.log(JSON.stringify(z.toJSONSchema(contract['trialBalance.get'].input, { io: 'input', unrepresentable: 'any' })));
