import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../src-main/reports/audit-csv';
import { openStore } from '../../../src-main/store/open-store';

describe('the audit log as CSV', () => {
  it('writes every record oldest first, quoting commas, quotes and line breaks, and defusing formulas', () => {
    const store = openStore(':memory:');
    try {
      store.audit.append({ who: 'JS', action: 'procedure.step', subject: 'bill-run 2010-08-03 step 6 install-tapes', details: { reason: 'tape "E", cracked\ncase' } });
      store.audit.append({ who: 'MAB', action: 'procedure.step', subject: '=HYPERLINK("http://x")', details: null });
      const csv = auditCsv(store);
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe('id,at,who,action,subject,details');
      expect(lines[1]).toMatch(/^1,[^,]+,JS,procedure\.step,bill-run 2010-08-03 step 6 install-tapes,"{""reason"":""tape \\""E\\"", cracked\\ncase""}"$/);
      expect(lines[2]).toMatch(/^2,[^,]+,MAB,procedure\.step,"'=HYPERLINK\(""http:\/\/x""\)",$/);
      expect(lines.at(-1)).toBe('');
    } finally {
      store.close();
    }
  });
});
