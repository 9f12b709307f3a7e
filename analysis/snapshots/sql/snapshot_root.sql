SELECT root FROM snapshot
