import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { createCoverImages } from '../../api/covers/cover-images.ts';
import { createPictureStore } from '../../api/covers/picture-store.ts';

/** Cover images over in-memory storage, for apps built in a test without a scan. */
export function memoryCovers() {
  const pictures = createPictureStore(createStorage({ driver: memoryDriver() }));
  return createCoverImages({ pictures, cache: createStorage({ driver: memoryDriver() }) });
}
