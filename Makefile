# The two commands. Everything else lives in scripts/.
.PHONY: run test check

run:
	@./scripts/run.sh

test:
	@./scripts/test.sh

# Fast feedback while editing (no wasm build, no services).
check:
	@. ./scripts/env.sh && cargo check -p server --tests
