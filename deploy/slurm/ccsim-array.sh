#!/usr/bin/env bash
# ccsim on Slurm: many replications of one scenario as a job array of shards, then a merge.
#
#   job=$(sbatch --parsable deploy/slurm/ccsim-array.sh configs/roi/baseline.json results 10000)
#   sbatch --dependency=afterok:$job --wrap 'ccsim merge results/part-*.json -o results/result.json'
#
# Each array task runs shard SLURM_ARRAY_TASK_ID of SLURM_ARRAY_TASK_COUNT (Slurm sets both; an array
# starting at 1 works too, ccsim subtracts SLURM_ARRAY_TASK_MIN) and writes a partial result; the merge,
# once every task succeeded, writes results/result.json, byte for byte what one `ccsim run` would print.
# Arguments: SCENARIO RESULTS_DIR [REPLICATIONS (default: the scenario's)].
#SBATCH --job-name=ccsim
#SBATCH --array=0-49
#SBATCH --cpus-per-task=2
#SBATCH --mem=512M
#SBATCH --time=01:00:00
#SBATCH --output=ccsim-%A_%a.log
set -euo pipefail
scenario=${1:?usage: ccsim-array.sh SCENARIO RESULTS_DIR [REPLICATIONS]}
results=${2:?usage: ccsim-array.sh SCENARIO RESULTS_DIR [REPLICATIONS]}
replications=(${3:+--replications "$3"})
mkdir -p "$results"
ccsim run "$scenario" "${replications[@]}" --shard auto --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet -o "$results/part-$SLURM_ARRAY_TASK_ID.json"
