import { describe, expect, it } from 'vitest';
import { stepStates, wizardStepOf } from '../../../src/helper/run-progress';

describe('run progress by wizard step', () => {
  it('places each plan step in its wizard step', () => {
    expect(wizardStepOf({ kind: 'openWizard' })).toBe('setup');
    expect(wizardStepOf({ kind: 'choose', field: 'apiVersion', value: 'latest' })).toBe('setup');
    expect(wizardStepOf({ kind: 'choose', field: 'primaryContact', value: 'a@b.example' })).toBe(
      'contact',
    );
    expect(wizardStepOf({ kind: 'next', from: 'contact' })).toBe('scopes');
    expect(wizardStepOf({ kind: 'setCategory', category: 'Reports', on: true })).toBe('scopes');
    expect(wizardStepOf({ kind: 'awaitCreated' })).toBe('create');
  });

  it('marks the steps before the current one done, and a finished run by its outcome', () => {
    expect(stepStates('scopes', undefined)).toEqual({
      setup: 'done',
      contact: 'done',
      scopes: 'current',
      create: 'todo',
    });
    expect(Object.values(stepStates('create', { status: 'created' }))).toEqual([
      'done',
      'done',
      'done',
      'done',
    ]);
    expect(stepStates(undefined, { status: 'ready-for-review' }).create).toBe('yours');
    expect(
      stepStates('scopes', { status: 'stopped', step: 'contact', reason: 'no such user' }),
    ).toEqual({ setup: 'done', contact: 'stopped', scopes: 'todo', create: 'todo' });
    // Cancelled: where it was, nothing current any more.
    expect(stepStates('contact', { status: 'cancelled' })).toEqual({
      setup: 'done',
      contact: 'todo',
      scopes: 'todo',
      create: 'todo',
    });
  });
});
