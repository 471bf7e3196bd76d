package dev.hookpoint.runtime.lua;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Host names to addresses: the one place the http helper looks a name up. Tests supply their own. */
@FunctionalInterface
interface HostResolver {

  /** The system's resolver (hosts file, then DNS); IP literals are parsed, not looked up. */
  HostResolver SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String host) throws UnknownHostException;
}
