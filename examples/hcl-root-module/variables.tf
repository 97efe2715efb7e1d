variable "cluster_name" {
  description = "The EKS cluster the collectors run in."
  type        = string
  default     = "payments-eks"
}

variable "region" {
  description = "The cluster's AWS region."
  type        = string
  default     = "eu-west-1"
}

variable "coralogix_domain" {
  description = "Coralogix domain of the team's region."
  type        = string
  default     = "cx498.coralogix.com"
}
