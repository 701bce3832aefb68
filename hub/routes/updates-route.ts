import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { centreSchema, UPDATE_FEED_PREFIX } from '@shared/updates/update-feed';
import type { HubStore } from '../store/hub-store';
import { pinnedRelease } from '../updates/release-pins';

/** A file of a release folder: a plain name, no path, no dot segment, no dotfile. */
const FEED_FILE = /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const NOT_FOUND = { error: 'not-found' };

/**
 * The Electron shell's update feed (shared/updates/update-feed.ts), inside the kiosk-token
 * scope: `/updates/v1/<centre>/<file>` is `<releases>/<pinned version>/<file>`. Another centre
 * than the kiosk's own (or a kiosk in no centre), a centre with no pin, a file not in the
 * release, and any name that is not a plain file name answer 404 alike. Range requests are served (electron-updater's differential download uses them).
 */
export async function updatesRoute(scope: FastifyInstance, store: HubStore, releasesDir: string): Promise<void> {
  await scope.register(fastifyStatic, { root: releasesDir, serve: false, dotfiles: 'deny', index: false, cacheControl: false });
  scope.get<{ Params: { centre: string; file: string } }>(`${UPDATE_FEED_PREFIX}/:centre/:file`, async (request, reply) => {
    const { centre, file } = request.params;
    if (!centreSchema.safeParse(centre).success || !FEED_FILE.test(file)) return reply.code(404).send(NOT_FOUND);
    // A kiosk reads its own centre's feed alone, so a centre held back stays held back.
    if ((await store.kioskCentre(request.kioskId))?.id !== centre) return reply.code(404).send(NOT_FOUND);
    const version = await pinnedRelease(releasesDir, centre);
    if (version === undefined) return reply.code(404).send(NOT_FOUND);
    request.log.info({ route: request.routeOptions.url, centre, version, file }, 'update feed');
    // A release never changes once published, but the channel files move with the pin.
    reply.header('cache-control', 'no-store');
    return reply.sendFile(`${version}/${file}`);
  });
}
