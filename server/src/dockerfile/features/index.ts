// Dockerfile editor features (hover, completion, outline) for the Language hooks.
export { dockerfileHover } from './hover';
export { dockerfileCompletions } from './complete';
export { dockerfileSymbols } from './symbols';
