# The two commands. Everything else lives in scripts/.
.PHONY: run test e2e check

run:
	@./scripts/run.sh

test:
	@./scripts/test.sh

# The browser suite alone (build included).
e2e:
	@./scripts/test.sh e2e

# Fast feedback while editing (no wasm build, no services).
check:
	@. ./scripts/env.sh && cargo check -p server --tests
