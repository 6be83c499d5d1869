import type { Widget } from '../src/kit';
import { badge } from './badge';
import { bars } from './bars';
import { compare } from './compare';
import { map } from './map';
import { rank } from './rank';
import { share } from './share';
import { social } from './social';
import { stat } from './stat';
import { trend } from './trend';

/**
 * Every widget the service serves, in gallery order. A new widget is one folder plus one line here;
 * its image URLs, embed page, oEmbed answer and gallery entry come from the card pipeline.
 */
export const widgets: readonly Widget[] = [trend, stat, bars, badge, social, compare, rank, share, map];
