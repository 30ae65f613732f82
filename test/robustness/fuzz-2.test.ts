// Share 2 of 2 of the fixture fuzzing (test/robustness/fuzz.ts says what it checks).
import { defineFuzz } from "./fuzz.js";

defineFuzz(1, 2);
