output "otlp_grpc_endpoint" {
  description = "Where the team's applications send OTLP/gRPC."
  value       = module.otel.otlp_grpc_endpoint
}

output "otlp_http_endpoint" {
  description = "Where the team's applications send OTLP/HTTP."
  value       = module.otel.otlp_http_endpoint
}
