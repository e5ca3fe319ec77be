terraform {
  required_providers {
    alibabacloudstack = {
      source  = "aliyun/alibabacloudstack"
      version = ">= 3.16.12"
    }
  }
}

provider "alibabacloudstack" {
  region         = "cn-qingdao-env66-d01"
  department     = "27"
  resource_group = "41"
}

variable "pre_shared_key" {
  description = "The VPN connection's pre-shared key (TF_VAR_pre_shared_key)."
  type        = string
  sensitive   = true
}

resource "alibabacloudstack_vpn_connection" "qd_to_dc1" {
  vpn_gateway_id      = "vpn-bp1q8bgx4xnkm2k3l4m5"
  customer_gateway_id = "cgw-bp1q8bgx4xnk6n7p8q9r"
  local_subnet        = ["10.1.1.0/24", "10.1.2.0/24"]
  remote_subnet       = ["10.10.1.0/24"]
  vpn_connection_name = "qd-to-dc1"
  effect_immediately  = false
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
}

import {
  to = alibabacloudstack_vpn_connection.qd_to_dc1
  id = "conn-0123456789"
}
