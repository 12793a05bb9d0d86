package eu.emistreams.stack; public class Placeholder {}
