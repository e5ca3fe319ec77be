terraform {
  required_providers {
    tencentcloud = {
      source  = "tencentcloudstack/tencentcloud"
      version = ">= 1.83.25"
    }
  }
}

provider "tencentcloud" {
  region = "ap-guangzhou"
}

variable "pre_shared_key" {
  description = "The VPN connection's pre-shared key (TF_VAR_pre_shared_key)."
  type        = string
  sensitive   = true
}

resource "tencentcloud_vpn_connection" "gz_to_dc1" {
  vpc_id                     = "vpc-gapcv96p"
  vpn_gateway_id             = "vpngw-1w9tue3d"
  customer_gateway_id        = "cgw-qa9sxpy7"
  pre_share_key              = var.pre_shared_key
  ike_proto_encry_algorithm  = "AES-CBC-256"
  ike_proto_authen_algorithm = "SHA-256"
  ike_local_identity         = "ADDRESS"
  ike_remote_identity        = "ADDRESS"
  ike_local_address          = "203.0.113.10"
  ike_remote_address         = "198.51.100.20"
  ike_dh_group_name          = "GROUP14"
  ike_sa_lifetime_seconds    = 86400
  ike_version                = "IKEV2"
  ike_exchange_mode          = "MAIN"
  ipsec_encrypt_algorithm    = "AES-CBC-256"
  ipsec_integrity_algorithm  = "SHA-256"
  ipsec_pfs_dh_group         = "DH-GROUP14"
  ipsec_sa_lifetime_seconds  = 3600
  ipsec_sa_lifetime_traffic  = 4096000000
  dpd_enable                 = 1
  dpd_timeout                = 30
  dpd_action                 = "restart"
  name                       = "gz-to-dc1"
  tags = {
    env = "prod"
  }
  route_type          = "STATIC"
  negotiation_type    = "active"
  enable_health_check = false
  security_group_policy {
    local_cidr_block  = "10.8.4.0/24"
    remote_cidr_block = ["192.168.10.0/24", "192.168.11.0/24"]
  }
}

import {
  to = tencentcloud_vpn_connection.gz_to_dc1
  id = "conn-0123456789"
}
