"""London Commissioned Services Explorer: a public map of MOPAC and VRU commissioned services."""
