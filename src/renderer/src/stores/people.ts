// Workspace members and groups from the local library (readable offline).
import { createMainValueStore } from './main-value-store.ts'

export const usePeople = createMainValueStore('people', 'people.list')
