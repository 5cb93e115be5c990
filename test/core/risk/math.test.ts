import { expect } from '@open-wc/testing';
import { calibratedRisk, naturalFrequency, numberNeededToEvaluate, predictiveValueIntervals, predictiveValues, thresholdBand, wilsonInterval } from '../../../src/core/risk/math.js';

describe('risk math against published figures', () => {
  it('reproduces the Epic Sepsis Model external validation (Wong et al., JAMA Intern Med 2021;181:1065)', () => {
    // Published: 2,552 of 38,455 hospitalisations had sepsis; at the alert threshold (score ≥ 6) sensitivity 33 %,
    // specificity 83 %, PPV 12 %, NPV 95 %.
    const prevalence = 2552 / 38455;
    const { ppv, npv } = predictiveValues({ sensitivity: 0.33, specificity: 0.83, prevalence });
    expect(Math.round(ppv * 100)).to.equal(12);
    expect(Math.round(npv * 100)).to.equal(95);
    // Hand calculation: 0.33 × 0.0664 / (0.33 × 0.0664 + 0.17 × 0.9336) = 0.02191 / 0.18062 = 0.1213.
    expect(ppv).to.be.closeTo(0.1213, 0.0005);
    expect(naturalFrequency(ppv).sentence).to.equal('Of 100 patients flagged like this, about 12 have the condition and 88 do not.');
    expect(numberNeededToEvaluate(ppv)).to.be.closeTo(8.24, 0.01); // about 8 work-ups per case found
  });

  it('reproduces the natural-frequency mammography example (Gigerenzer et al., Psychol Sci Public Interest 2007;8:53)', () => {
    // 1 % prevalence, 90 % sensitivity, 9 % false-positive rate: of 1,000 women, 9 of 98 positives have cancer.
    const { ppv } = predictiveValues({ sensitivity: 0.9, specificity: 0.91, prevalence: 0.01 });
    expect(ppv).to.be.closeTo(9 / 98, 0.001);
    expect(naturalFrequency(ppv, 1000).withCondition).to.equal(92); // ≈ 9 of 98, scaled to 1,000 flagged
    expect(naturalFrequency(ppv, 10).sentence).to.equal('Of 10 patients flagged like this, about 1 has the condition and 9 do not.');
  });

  it('answers the question most physicians miss (Manrai et al., JAMA Intern Med 2014;174:991): about 2 %', () => {
    // Prevalence 1/1,000, false-positive rate 5 %, a perfectly sensitive test: PPV = 0.001 / (0.001 + 0.05 × 0.999).
    const { ppv } = predictiveValues({ sensitivity: 1, specificity: 0.95, prevalence: 0.001 });
    expect(ppv).to.be.closeTo(0.001 / (0.001 + 0.05 * 0.999), 1e-12);
    expect(Math.round(ppv * 100)).to.equal(2);
  });

  it('shows how PPV falls with local prevalence (same model, ICU 20 % vs ward 2 %)', () => {
    const icu = predictiveValues({ sensitivity: 0.8, specificity: 0.8, prevalence: 0.2 }).ppv; // 0.16 / (0.16 + 0.16) = 0.5
    const ward = predictiveValues({ sensitivity: 0.8, specificity: 0.8, prevalence: 0.02 }).ppv; // 0.016 / (0.016 + 0.196) = 0.0755
    expect(icu).to.be.closeTo(0.5, 1e-9);
    expect(ward).to.be.closeTo(0.016 / 0.212, 1e-9);
  });

  it('gives Wilson score intervals matching Newcombe (Stat Med 1998;17:857), table I', () => {
    const a = wilsonInterval(81, 263);
    expect(a.low).to.be.closeTo(0.2553, 0.0001);
    expect(a.high).to.be.closeTo(0.3662, 0.0001);
    const b = wilsonInterval(0, 10);
    expect(b.low).to.equal(0);
    expect(b.high).to.be.closeTo(0.2775, 0.0001);
  });

  it('carries intervals on sensitivity and specificity through to PPV and NPV', () => {
    const { ppv, npv } = predictiveValueIntervals({ low: 0.31, high: 0.35 }, { low: 0.82, high: 0.84 }, 0.07);
    const mid = predictiveValues({ sensitivity: 0.33, specificity: 0.83, prevalence: 0.07 });
    expect(ppv.low).to.be.below(mid.ppv);
    expect(ppv.high).to.be.above(mid.ppv);
    expect(npv.low).to.be.below(mid.npv);
    // Hand calculation of the upper PPV: 0.35 × 0.07 / (0.35 × 0.07 + 0.16 × 0.93) = 0.0245 / 0.1733.
    expect(ppv.high).to.be.closeTo(0.0245 / 0.1733, 1e-9);
  });

  it('reads calibrated risk from a calibration table, with an interval when bin sizes are known', () => {
    const bins = [
      { scoreFrom: 0, scoreTo: 20, observed: 0.02, n: 500 },
      { scoreFrom: 20, scoreTo: 60, observed: 0.08, n: 250 },
      { scoreFrom: 60, scoreTo: 100, observed: 0.3, n: 50 },
    ];
    expect(calibratedRisk(35, bins).risk).to.equal(0.08);
    expect(calibratedRisk(100, bins).bin.scoreFrom).to.equal(60); // the top edge belongs to the last bin
    const top = calibratedRisk(75, bins);
    expect(top.interval!.low).to.be.closeTo(wilsonInterval(15, 50).low, 1e-12);
    expect(() => calibratedRisk(120, bins)).to.throw(RangeError, 'score 120 is outside the calibration table (0 to 100)');
    expect(() => calibratedRisk(5, [{ scoreFrom: 0, scoreTo: 10, observed: 0.1 }, { scoreFrom: 5, scoreTo: 20, observed: 0.2 }])).to.throw(RangeError, 'calibration bins 0 and 1 overlap');
  });

  it('finds the threshold band a score reaches', () => {
    const thresholds = [{ value: 6, action: 'sepsis screen' }, { value: 10, action: 'rapid response review' }];
    expect(thresholdBand(12, thresholds)?.action).to.equal('rapid response review');
    expect(thresholdBand(7, thresholds)?.action).to.equal('sepsis screen');
    expect(thresholdBand(2, thresholds)).to.equal(undefined);
  });

  it('rejects inputs out of range with errors that name the parameter', () => {
    expect(() => predictiveValues({ sensitivity: 33, specificity: 0.8, prevalence: 0.1 })).to.throw(RangeError, 'sensitivity must be a proportion from 0 to 1 (e.g. 0.33 for 33 %), got 33');
    expect(() => predictiveValues({ sensitivity: 0.3, specificity: Number.NaN, prevalence: 0.1 })).to.throw(RangeError, /specificity must be a proportion/);
    expect(() => predictiveValues({ sensitivity: 0, specificity: 1, prevalence: 0.1 })).to.throw(RangeError, /PPV is undefined/);
    expect(() => numberNeededToEvaluate(0)).to.throw(RangeError, /infinite/);
    expect(() => wilsonInterval(11, 10)).to.throw(RangeError, 'successes must be a whole number from 0 to n (10), got 11');
    expect(() => predictiveValueIntervals({ low: 0.5, high: 0.4 }, { low: 0.8, high: 0.9 }, 0.1)).to.throw(RangeError, 'sensitivity: low (0.5) is above high (0.4)');
    expect(() => naturalFrequency(0.5, 0)).to.throw(RangeError, /per must be a whole number/);
  });
});
