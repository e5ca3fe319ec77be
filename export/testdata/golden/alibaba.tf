terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = ">= 1.289.0"
    }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

variable "pre_shared_key" {
  description = "The VPN connection's pre-shared key (TF_VAR_pre_shared_key)."
  type        = string
  sensitive   = true
}

resource "alicloud_vpn_connection" "sh_to_dc1" {
  vpn_gateway_id       = "vpn-uf6r2k1bq1c3g3k0a1b2c"
  customer_gateway_id  = "cgw-uf6k3mnx0y2s9t7e4d5f6"
  local_subnet         = ["10.8.4.0/24"]
  remote_subnet        = ["192.168.10.0/24", "192.168.11.0/24"]
  enable_dpd           = true
  enable_nat_traversal = true
  effect_immediately   = true
  vpn_connection_name  = "sh-to-dc1"
  tags = {
    env = "prod"
  }
  enable_tunnels_bgp = false
  auto_config_route  = true
  ike_config {
    psk          = var.pre_shared_key
    ike_version  = "ikev2"
    ike_enc_alg  = "aes256"
    ike_auth_alg = "sha256"
    ike_pfs      = "group14"
    ike_lifetime = 86400
  }
  ipsec_config {
    ipsec_enc_alg  = "aes256"
    ipsec_auth_alg = "sha256"
    ipsec_pfs      = "group14"
    ipsec_lifetime = 3600
  }
  bgp_config {
    enable       = true
    local_asn    = "65010"
    tunnel_cidr  = "169.254.11.0/30"
    local_bgp_ip = "169.254.11.1"
  }
}

import {
  to = alicloud_vpn_connection.sh_to_dc1
  id = "conn-0123456789"
}
