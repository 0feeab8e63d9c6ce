import { describe, expect, it } from 'vitest';
import type { GenerationPlan } from './generation.js';
import { generateInThread } from './generator-thread.js';

const staff = (id: number) => ({
  agent: { id, fullName: 'Agent', role: 'agent' as const },
  superviseur: { id: id + 1, fullName: 'Superviseur', role: 'superviseur' as const },
});

const plan: GenerationPlan = {
  total: 3000,
  now: Date.parse('2026-03-14T10:00:00Z'),
  publicUrl: 'http://demo.example.test',
  sequences: new Int32Array(3000).fill(7),
  staffByPrefecture: new Map([
    ['59', staff(1)],
    ['75', staff(3)],
  ]),
  firstIds: { applicant: 1, dossier: 1, request: 1, piece: 1 },
};

describe('generateInThread', () => {
  it('hands nothing more to insert once a batch failed, though the worker had already built the next ones', async () => {
    const inserted: number[] = [];
    const failing = generateInThread(plan, (_batch, start) => {
      inserted.push(start);
      // A slow first batch: meanwhile the worker builds and sends the next ones.
      const until = Date.now() + 3000;
      while (Date.now() < until);
      throw new Error('disque plein');
    });
    await expect(failing).rejects.toThrow('disque plein');
    // Long enough for the batches already sent to be delivered.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inserted).toEqual([0]);
  });
});
