terraform {
  required_providers {
    huaweicloud = {
      source  = "huaweicloud/huaweicloud"
      version = ">= 1.97.1"
    }
  }
}

provider "huaweicloud" {
  project_id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
}

variable "pre_shared_key" {
  description = "The VPN connection's pre-shared key (TF_VAR_pre_shared_key)."
  type        = string
  sensitive   = true
}

resource "huaweicloud_vpn_connection" "bj4_to_dc1" {
  region               = "cn-north-4"
  name                 = "bj4-to-dc1"
  gateway_id           = "b32d91a4-5c2e-4a8d-8a86-e907174eb11d"
  gateway_ip           = "0c464dad-1f0b-4a8d-9a86-c22bb0eb0bde"
  vpn_type             = "bgp"
  customer_gateway_id  = "5247ae10-77aa-4a8d-8a86-dd36659a7f5d"
  peer_subnets         = ["192.168.10.0/24", "192.168.11.0/24"]
  tunnel_local_address = "169.254.56.225/30"
  tunnel_peer_address  = "169.254.56.226/30"
  psk                  = var.pre_shared_key
  tags = {
    env = "prod"
  }
  ha_role = "master"
  ikepolicy {
    ike_version              = "v2"
    authentication_algorithm = "sha2-256"
    encryption_algorithm     = "aes-256-gcm-16"
    dh_group                 = "group19"
    lifetime_seconds         = 86400
    authentication_method    = "pre-share"
    local_id_type            = "ip"
    peer_id_type             = "ip"
    dpd {
      timeout  = 15
      interval = 30
      msg      = "seq-hash-notify"
    }
  }
  ipsecpolicy {
    authentication_algorithm = "sha2-256"
    encryption_algorithm     = "aes-256-gcm-16"
    pfs                      = "group19"
    lifetime_seconds         = 3600
    transform_protocol       = "esp"
    encapsulation_mode       = "tunnel"
  }
}

import {
  to = huaweicloud_vpn_connection.bj4_to_dc1
  id = "conn-0123456789"
}
