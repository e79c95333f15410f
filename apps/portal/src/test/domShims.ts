// jsdom lacks what Mantine asks for (matchMedia, ResizeObserver...). Imported by component tests.
import { installDomShims } from '@cakap/plugin-sdk/testing';

installDomShims();
