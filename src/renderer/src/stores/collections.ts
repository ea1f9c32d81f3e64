// The library's collections (with their live and archived report counts), read from main and shared by the
// Collections screen and the library's header for an open collection.
import { createMainValueStore } from './main-value-store.ts'

export const useCollections = createMainValueStore('collections', 'library.listCollections')
