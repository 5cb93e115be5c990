import { validateWith, type Validated } from '../validate.js';
import { LessonSchema, TourSchema, type Lesson, type Tour } from './item-schema.js';

/**
 * Validation of a single tour or lesson handed to an element as an object (pack items were validated with their
 * pack). A module of its own so elements load it, and valibot, only when they need it.
 */
export const validateTour = (value: unknown): Validated<Tour> => validateWith(TourSchema, value, 'tour', 'tour');
export const validateLesson = (value: unknown): Validated<Lesson> => validateWith(LessonSchema, value, 'lesson', 'lesson');
