// Content script entry (isolated world, document_start, top frame). The page hook is a separate MAIN-world
// script in the manifest (page-hook.ts); they meet over the channel in channel.ts.
import { createContentPlatform } from '../platform/webext/content.ts';
import { startContent } from './content-app.ts';

startContent(window, document, createContentPlatform());
