# example:module:begin
module "otel" {
  # Outside this repository:
  # source = "git::https://git.otel-stack.invalid/platform/otel-stack.git//modules/otel-collector-stack?ref=v0.1.0"
  source = "../../modules/otel-collector-stack"

  namespace                         = "payments-telemetry"
  cluster_name                      = var.cluster_name
  coralogix_domain                  = var.coralogix_domain
  coralogix_application_name        = "payments"
  coralogix_private_key_secret_name = "payments/coralogix-private-key"
  hpa_min_replicas                  = 3
  hpa_max_replicas                  = 9
}
# example:module:end
