import { css, html } from 'lit';

/** A small, realistic EHR screen for stories to anchor tips to (synthetic data only). */
export const ehrScreenStyles = css``;

export const ehrScreen = (extra: unknown = '') => html`
  <style>
    .ehr { font: 14px/1.4 system-ui, sans-serif; color: #1c2430; background: #f4f6f9; min-height: 420px; }
    .ehr header { background: #123c69; color: #fff; padding: 8px 16px; display: flex; gap: 24px; align-items: baseline; }
    .ehr header strong { font-size: 16px; }
    .ehr main { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 16px; }
    .ehr section { background: #fff; border: 1px solid #d5dbe3; border-radius: 6px; padding: 12px 16px; }
    .ehr h2 { font-size: 15px; margin: 0 0 8px; }
    .ehr label { display: block; margin: 6px 0 2px; }
    .ehr input, .ehr select { font: inherit; padding: 3px 6px; width: 14rem; }
    .ehr button.primary { font: inherit; margin-top: 10px; padding: 4px 14px; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; }
    .ehr .flag { color: #a40e0e; font-weight: 600; }
    .ehr table { border-collapse: collapse; }
    .ehr td, .ehr th { padding: 2px 10px 2px 0; text-align: left; }
  </style>
  <div class="ehr">
    <header><strong>TEST, Synthetic</strong><span>DOB 1951-03-14 (75 y)</span><span>MRN 000-DEMO</span><span>Allergies: penicillin</span></header>
    <main>
      <section aria-labelledby="orders-h">
        <h2 id="orders-h">Order entry</h2>
        <label for="med">Medication</label>
        <input id="med" value="Enoxaparin 40 mg SC daily" />
        <label for="freq">Frequency</label>
        <select id="freq"><option>Daily</option><option>Every 12 hours</option></select>
        <div><button class="primary" id="sign">Sign order</button></div>
      </section>
      <section aria-labelledby="results-h">
        <h2 id="results-h">Results</h2>
        <table>
          <thead><tr><th scope="col">Test</th><th scope="col">Value</th><th scope="col">Range</th></tr></thead>
          <tbody>
            <tr><td>Potassium</td><td><span class="flag" id="k-flag" tabindex="0">5.9 H</span></td><td>3.5–5.1 mmol/L</td></tr>
            <tr><td>Creatinine</td><td>1.1</td><td>0.7–1.3 mg/dL</td></tr>
          </tbody>
        </table>
      </section>
      ${extra}
    </main>
  </div>
`;
